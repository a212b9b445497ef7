package envfile

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

func TestParseLikeCompose(t *testing.T) {
	in := "# comment\n" +
		"\n" +
		"   \t\n" +
		"  A=  padded value  \n" + // the line is stripped, the value inside kept
		"B=\"quoted\"\n" +
		"C='single'\n" +
		"D=it's\n" +
		"E=a=b=c\n" +
		"F=\n" +
		"G=$HOME ${PATH} $$ `id` $(id) *\n" +
		"H=back\\slash\\n\\t\n" +
		"I=a #not a comment ;nor this\n" +
		"   # indented comment\n" +
		"J=tab\tinside\r\n" + // CRLF: the CR is stripped with the line
		"K=é 漢 😀\n" +
		"A=again\n" +
		"L=x\u00a0"
	got, err := Parse(strings.NewReader(in), "test.env")
	if err != nil {
		t.Fatal(err)
	}
	want := []Var{
		{"A", "  padded value", 4},
		{"B", `"quoted"`, 5},
		{"C", `'single'`, 6},
		{"D", `it's`, 7},
		{"E", `a=b=c`, 8},
		{"F", ``, 9},
		{"G", "$HOME ${PATH} $$ `id` $(id) *", 10},
		{"H", `back\slash\n\t`, 11},
		{"I", `a #not a comment ;nor this`, 12},
		{"J", "tab\tinside", 14},
		{"K", "é 漢 😀", 15},
		{"A", "again", 16},
		{"L", "x", 17}, // Python's strip removes NBSP
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"A=1\nJUSTANAME\n", `f.env:2: "JUSTANAME" has no "="`},
		{"A=1\n\n=value\n", "f.env:3: not a NAME=value line"},
		{"A=a\x00b\n", "f.env:1: not a NAME=value line"},
	} {
		_, err := Parse(strings.NewReader(c.in), "f.env")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.in, err, c.want)
		}
	}
}

func TestMerge(t *testing.T) {
	environ := []string{"PATH=/bin", "HOME=/root", "PATH=/usr/bin", "KEEP=1"}
	vars := []Var{{Name: "HOME", Value: "/home/x"}, {Name: "NEW", Value: "a=b"}, {Name: "NEW", Value: "c"}}
	got := Merge(environ, vars)
	want := []string{"PATH=/usr/bin", "HOME=/home/x", "KEEP=1", "NEW=c"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// Whatever Format accepts, Parse reads back exactly; what it refuses
// would not survive.
func TestFormatRoundTrip(t *testing.T) {
	alphabet := []rune("aZ09 \t'\"$#;=\\*`\r\n\x00\u00a0\u3000é😀")
	rng := rand.New(rand.NewPCG(3, 5))
	accepted := 0
	for i := 0; i < 5000; i++ {
		b := make([]rune, rng.IntN(8))
		for j := range b {
			b[j] = alphabet[rng.IntN(len(alphabet))]
		}
		vars := []Var{{Name: "V", Value: string(b)}, {Name: "AFTER", Value: "x"}}
		out, err := Format(vars)
		if err != nil {
			if !strings.Contains(err.Error(), "V:") {
				t.Errorf("%q: the refusal does not name the variable: %v", b, err)
			}
			continue
		}
		accepted++
		got, err := Parse(strings.NewReader(string(out)), "f")
		if err != nil {
			t.Fatalf("%q: %v", b, err)
		}
		if len(got) != 2 || got[0].Value != string(b) || got[1].Value != "x" {
			t.Errorf("%q read back as %+v", string(b), got)
		}
	}
	if accepted < 500 {
		t.Errorf("only %d values accepted", accepted)
	}
}
