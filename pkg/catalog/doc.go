// Package catalog is the one model of a Rancher 1.x catalog that both the
// linter and the renderer's output check read: templates, version folders,
// files with their YAML node trees (every node keeps its source position), the
// `.catalog` metadata, the compose files as Rancher's executor renders them,
// and a merged view of the compose project's services.
//
// A catalog is loaded once, from disk or from an in-memory file tree; rules
// read the model and never reparse.
package catalog
