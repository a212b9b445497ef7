package interp

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func lookupMap(m map[string]string) func(string) (string, bool) {
	return func(name string) (string, bool) {
		v, ok := m[name]
		return v, ok
	}
}

func TestInterpolate(t *testing.T) {
	vars := map[string]string{"A": "<A>", "B": "$B", "a_1": "x", "1": "one"}
	tests := []struct {
		in, out string
		missing []string
	}{
		{"", "", nil},
		{"plain", "plain", nil},
		{"a$$b", "a$b", nil},
		{"$A-b", "<A>-b", nil},
		{"$${stack_name}", "${stack_name}", nil},
		{"$$", "$", nil},
		{"$$$$", "$$", nil},
		{"${A}", "<A>", nil},
		{"${A}b", "<A>b", nil},
		{"$Ab", "", []string{"Ab"}},
		{"$a_1.$a_1", "x.x", nil},
		{"${1}", "one", nil},
		{"$B", "$B", nil}, // substituted values are not scanned again
		{"$NOPE and ${NOPE} and $OTHER", " and  and ", []string{"NOPE", "OTHER"}},
		{"io.rancher.stack_service.name=$${stack_name}/$${service_name}",
			"io.rancher.stack_service.name=${stack_name}/${service_name}", nil},
		{"héllo $A", "héllo <A>", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			out, missing, err := Interpolate(tt.in, lookupMap(vars))
			if err != nil {
				t.Fatal(err)
			}
			if out != tt.out || !reflect.DeepEqual(missing, tt.missing) {
				t.Errorf("got %q, missing %q; want %q, missing %q", out, missing, tt.out, tt.missing)
			}
		})
	}
}

func TestInterpolateErrors(t *testing.T) {
	tests := []struct {
		in     string
		kind   string
		offset int
		msg    string
	}{
		{"${A:-d}", KindDefaultSyntax, 0, "Rancher 1.6 does not support defaults in ${...} (${A:-d}); give the question a default instead"},
		{"x ${A-d}", KindDefaultSyntax, 2, ""},
		{"${A?err}", KindDefaultSyntax, 0, ""},
		{"$(cmd)", KindCommandSubstitution, 0, ""},
		{"$1", KindDigit, 0, "$1 is not a variable (names cannot start with a digit); write $$1 for a literal"},
		{"${}", KindEmptyBraces, 0, ""},
		{"x $ y", KindInvalidChar, 2, `$ followed by ' ' is not a variable; write $$ for a literal $`},
		{"abc$", KindTrailingDollar, 3, "a trailing $ makes Rancher's executor panic; write $$"},
		{"$", KindTrailingDollar, 0, ""},
		{"${A", KindUnclosedBrace, 0, ""},
		{"${", KindUnclosedBrace, 0, ""},
		{"${A B}", KindInvalidChar, 0, `' ' is not allowed in a ${...} name (only letters, digits and _); write $${ for a literal`},
		{"${a.b}", KindInvalidChar, 0, ""},
		{"$]", KindInvalidChar, 0, ""},
		{"$é", KindInvalidChar, 0, `$ followed by 'é' is not a variable; write $$ for a literal $`},
		{"$$$", KindTrailingDollar, 2, ""},
		{"ok $A then $-", KindInvalidChar, 11, ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			out, missing, err := Interpolate(tt.in, lookupMap(map[string]string{"A": "a"}))
			var ie Error
			if !errors.As(err, &ie) {
				t.Fatalf("got %q, %v; want an Error", out, err)
			}
			if out != "" || missing != nil {
				t.Errorf("output %q, missing %q on error", out, missing)
			}
			if ie.Kind != tt.kind || ie.Offset != tt.offset {
				t.Errorf("got %s at %d; want %s at %d", ie.Kind, ie.Offset, tt.kind, tt.offset)
			}
			if tt.msg != "" && ie.Msg != tt.msg {
				t.Errorf("message\n got %s\nwant %s", ie.Msg, tt.msg)
			}
			if !strings.Contains(err.Error(), ie.Msg) {
				t.Errorf("Error() %q lacks the message", err.Error())
			}
		})
	}
}

func TestScan(t *testing.T) {
	tests := []struct {
		in   string
		refs []Ref
		errs []string // kinds
		offs []int
	}{
		{in: "no refs"},
		{in: "a$$b$$$$"},
		{in: "$A-b", refs: []Ref{{Name: "A", Offset: 0, End: 2}}},
		{in: "x${B}y$C", refs: []Ref{{Name: "B", Offset: 1, End: 5, Braced: true}, {Name: "C", Offset: 6, End: 8}}},
		{in: "$${stack_name}"},
		{
			// every error is reported, and scanning goes on after each one
			in:   "$1 $(x) ${} ${A:-d} $OK abc$",
			refs: []Ref{{Name: "OK", Offset: 20, End: 23}},
			errs: []string{KindDigit, KindCommandSubstitution, KindEmptyBraces, KindDefaultSyntax, KindTrailingDollar},
			offs: []int{0, 3, 8, 12, 27},
		},
		{
			// the inside of a broken ${...} is skipped
			in:   "${A:-$B} $C",
			refs: []Ref{{Name: "C", Offset: 9, End: 11}},
			errs: []string{KindDefaultSyntax},
			offs: []int{0},
		},
		{
			// without a closing brace, the rest is still scanned
			in:   "${A $B",
			refs: []Ref{{Name: "B", Offset: 4, End: 6}},
			errs: []string{KindInvalidChar},
			offs: []int{0},
		},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			refs, errs := Scan(tt.in)
			if !reflect.DeepEqual(refs, tt.refs) {
				t.Errorf("refs\n got %+v\nwant %+v", refs, tt.refs)
			}
			var kinds []string
			var offs []int
			for _, e := range errs {
				kinds = append(kinds, e.Kind)
				offs = append(offs, e.Offset)
				if e.Msg == "" {
					t.Errorf("%s at %d has no message", e.Kind, e.Offset)
				}
			}
			if !reflect.DeepEqual(kinds, tt.errs) || !reflect.DeepEqual(offs, tt.offs) {
				t.Errorf("errors got %q at %v; want %q at %v", kinds, offs, tt.errs, tt.offs)
			}
		})
	}
}

func TestEscape(t *testing.T) {
	for _, s := range []string{"", "a$b", "$", "${stack_name}", "$(x) $1 ${A:-d} abc$", "$$"} {
		if NeedsEscape(s) != (Escape(s) != s) {
			t.Errorf("NeedsEscape(%q) = %v", s, NeedsEscape(s))
		}
		out, missing, err := Interpolate(Escape(s), lookupMap(nil))
		if err != nil || missing != nil || out != s {
			t.Errorf("Escape(%q) round-trips to %q, %q, %v", s, out, missing, err)
		}
	}
}

// TestAppendScan: scanning several strings into shared arrays leaves each
// string's results as Scan finds them, after those of the strings before.
func TestAppendScan(t *testing.T) {
	ins := []string{"x${B}y$C", "no refs", "$1 $(x) ${} ${A:-d} $OK abc$", "${A $B", "$A"}
	var refs []Ref
	var errs []Error
	type span struct{ r0, r1, e0, e1 int }
	var spans []span
	for _, s := range ins {
		r0, e0 := len(refs), len(errs)
		refs, errs = AppendScan(refs, errs, s)
		spans = append(spans, span{r0, len(refs), e0, len(errs)})
	}
	for i, s := range ins {
		wantRefs, wantErrs := Scan(s)
		sp := spans[i]
		if got := refs[sp.r0:sp.r1]; len(got) != len(wantRefs) || len(got) > 0 && !reflect.DeepEqual(got, wantRefs) {
			t.Errorf("%q: refs %+v, Scan finds %+v", s, got, wantRefs)
		}
		if got := errs[sp.e0:sp.e1]; len(got) != len(wantErrs) || len(got) > 0 && !reflect.DeepEqual(got, wantErrs) {
			t.Errorf("%q: errors %+v, Scan finds %+v", s, got, wantErrs)
		}
	}
}
