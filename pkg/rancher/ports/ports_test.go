package ports

import "testing"

func TestParse(t *testing.T) {
	ok := []string{"80", "80/udp", "8080:80", "127.0.0.1:8080:80", "127.0.0.1::80", "[::1]:8080:80", "8000-8010:8000-8010", "9000:8000-8010", "8000-8010"}
	bad := []string{"", "abc", "80:80:80:80", ":80", "80:", "8080:80/xyz", "1.2.3:80:80", "70000", "8000-8010:9000-9001", "90-80", "[::1:80:80"}
	for _, s := range ok {
		if _, err := Parse(s); err != nil {
			t.Errorf("Parse(%q): %v", s, err)
		}
	}
	for _, s := range bad {
		if _, err := Parse(s); err == nil {
			t.Errorf("Parse(%q) accepted", s)
		}
	}
	if sp, _ := Parse("127.0.0.1:8080:80/udp"); sp.IP != "127.0.0.1" || sp.HostStart != 8080 || sp.ContainerStart != 80 || sp.Protocol != "udp" {
		t.Errorf("Parse: %+v", sp)
	}
	if _, err := Parse(":80"); err != ErrEmptyHostPort {
		t.Errorf("Parse(\":80\"): %v, want ErrEmptyHostPort", err)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"80", "[::1]:8080:80/udp", "8000-8010:8000-8010", "a:b:c:d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sp, err := Parse(s)
		if err == nil && (sp.ContainerStart > sp.ContainerEnd || sp.ContainerEnd > 65535) {
			t.Fatalf("Parse(%q) = %+v", s, sp)
		}
	})
}
