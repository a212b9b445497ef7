package catalog

import (
	"github.com/catalogen/catalogen/pkg/rancher/catalogblock"
)

// Info is the `.catalog` block of a version, read from the raw
// rancher-compose.yml as catalog-service reads it (catalogblock.Read), with
// the document it sits in for positions.
type Info struct {
	Doc *Doc // the raw rancher-compose.yml document
	catalogblock.Block

	memo
}

// Question is one `.catalog.questions` item; the model has no other.
type Question = catalogblock.Question

// Question returns the question declaring variable, or nil.
func (i *Info) Question(variable string) *Question {
	if i == nil {
		return nil
	}
	return i.Block.Question(variable)
}

// readInfo finds and decodes the `.catalog` block of a raw rancher-compose
// document, or returns nil when it has none.
func readInfo(doc *Doc) *Info {
	b := catalogblock.Read(doc.Root)
	if b == nil {
		return nil
	}
	return &Info{Doc: doc, Block: *b}
}
