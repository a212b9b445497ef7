package scheduling

import (
	"strconv"
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
)

// quote shows a value in a message.
func quote(s string) string { return strconv.Quote(s) }

// sourceCol refines the column of a position mapped back from rendered text:
// a line that templating changed maps to column 1, but the text reported on
// is usually still on the source line as written.
func sourceCol(pos catalog.Pos, text string) catalog.Pos {
	if pos.File == nil || pos.Line < 1 || pos.Col > 1 || text == "" {
		return pos
	}
	if i := strings.Index(pos.File.Line(pos.Line), text); i >= 0 {
		pos.Col = i + 1
	}
	return pos
}
