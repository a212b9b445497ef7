package catalog

import "gopkg.in/yaml.v3"

// Pos is a position in a catalog file, always in the file's own source lines
// (positions in rendered text are mapped back before they become a Pos).
// Line 0 means the finding concerns the file or folder as a whole.
type Pos struct {
	Path      string // slash path relative to the catalog root
	Line, Col int
	File      *File // nil for folders
}

// FolderPos is the position of a folder or of a file that does not exist.
func FolderPos(path string) Pos { return Pos{Path: path} }

// FilePos is the position of a whole file.
func FilePos(f *File) Pos { return Pos{Path: f.Path, File: f} }

// At returns the position of node n of document d.
func (d *Doc) At(n *yaml.Node) Pos {
	if d == nil {
		return Pos{}
	}
	if n == nil {
		return FilePos(d.File)
	}
	line, col := n.Line, n.Column
	if d.Rendered && d.File.Rendered != nil {
		r := d.File.Rendered
		if !r.Verbatim(line) {
			col = 1
		}
		line = r.SourceLine(line)
	}
	return Pos{Path: d.File.Path, Line: line, Col: col, File: d.File}
}

// LinePos is the position of a 1-based line (and column) of file f's source.
func LinePos(f *File, line, col int) Pos {
	return Pos{Path: f.Path, Line: line, Col: col, File: f}
}

// RenderedLinePos maps a line of f's rendered text back to its source.
func RenderedLinePos(f *File, line, col int) Pos {
	if r := f.Rendered; r != nil {
		if !r.Verbatim(line) {
			col = 1
		}
		line = r.SourceLine(line)
	}
	return Pos{Path: f.Path, Line: line, Col: col, File: f}
}
