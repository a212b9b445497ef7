package harborsetup

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/catalogen/catalogen/wrapper"
)

// Pin is one line of wrapper/installers.tsv.
type Pin struct {
	Release, WrapperTag, GitTag, Commit, Archive, PrepareSHA256 string
}

// Pins reads wrapper/installers.tsv.
func Pins() ([]Pin, error) {
	var pins []Pin
	for i, line := range strings.Split(wrapper.InstallersTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 6 {
			return nil, fmt.Errorf("wrapper/installers.tsv:%d: want 6 tab-separated fields, got %d", i+1, len(f))
		}
		pins = append(pins, Pin{f[0], f[1], f[2], f[3], f[4], f[5]})
	}
	return pins, nil
}

// PinOf returns the pin of a release.
func PinOf(version string) (Pin, error) {
	pins, err := Pins()
	if err != nil {
		return Pin{}, err
	}
	for _, p := range pins {
		if p.Release == version {
			return p, nil
		}
	}
	return Pin{}, fmt.Errorf("wrapper/installers.tsv has no Harbor %s", version)
}

// releaseFile is written into the wrapper image's installer folder at build
// time and names its release.
const releaseFile = "RELEASE"

// Recognise tells the release of an installer folder: from its RELEASE file
// (checked against prepare's checksum), or from prepare's checksum alone.
func Recognise(installer string) (*Release, error) {
	b, err := os.ReadFile(filepath.Join(installer, "prepare"))
	if err != nil {
		return nil, fmt.Errorf("%v; --installer must name a Harbor installer folder", err)
	}
	sum := sha256.Sum256(b)
	digest := hex.EncodeToString(sum[:])
	pins, err := Pins()
	if err != nil {
		return nil, err
	}
	var matches []string
	for _, p := range pins {
		if p.PrepareSHA256 == digest {
			matches = append(matches, p.Release)
		}
	}
	if named, err := os.ReadFile(filepath.Join(installer, releaseFile)); err == nil {
		v := strings.TrimSpace(string(named))
		for _, m := range matches {
			if m == v {
				return Lookup(v)
			}
		}
		return nil, fmt.Errorf("%s says Harbor %s, but its prepare (sha256 %s) is not that release's", filepath.Join(installer, releaseFile), v, digest)
	}
	switch len(matches) {
	case 0:
		return nil, fmt.Errorf("%s/prepare (sha256 %s) is not the prepare of any supported release (%s)", installer, digest, strings.Join(Versions(), ", "))
	case 1:
		return Lookup(matches[0])
	}
	return nil, fmt.Errorf("%s/prepare is the same in Harbor %s; pass --release", installer, strings.Join(matches, " and "))
}
