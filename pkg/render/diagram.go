package render

import (
	"fmt"

	"github.com/catalogen/catalogen/pkg/plan"
)

// DiagramFile is the file of each version folder that draws where the
// version's containers land on the hosts it is written for (catalogen plan
// on the version's typical inventory). A README shows it with
// `![topology](topology.svg)`: relative to the version folder, where both
// Rancher's catalog UI and a git host resolve it.
const DiagramFile = "topology.svg"

// addDiagram draws the topology of a rendered version folder. Folders
// without a compose project (nothing is scheduled) get none.
func addDiagram(entry string, files map[string][]byte) error {
	_, dc := files["docker-compose.yml"]
	_, tpl := files["docker-compose.yml.tpl"]
	if !dc && !tpl {
		return nil
	}
	svg, err := plan.Diagram(entry, files)
	if err != nil {
		return fmt.Errorf("drawing %s: %w", DiagramFile, err)
	}
	files[DiagramFile] = svg
	return nil
}
