package release

import (
	"bytes"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleR001 = &lint.Rule{
	ID: "R001", Slug: "release.immutable", Severity: lint.Error,
	Summary: "a file of a released version folder was changed or removed",
	Doc: "Rancher users deploy a version folder and later upgrade from it; Rancher keys " +
		"deployed stacks by the folder's version, so editing a released folder changes what " +
		"existing stacks claim to run and what upgrades compare against. Reviewers of the " +
		"public catalogs reject in-place edits: copy the folder to the next number and change the copy. " +
		"Error: stacks already deployed from the released folder change under their users (catalog-service v1.6 serves the new files under the old version).",
	Bad: `# 0/docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25.3   # folder 0 was released with nginx:1.25
`,
	Good: `# 1/docker-compose.yml
version: '2'
services:
  web:
    image: nginx:1.25.3   # the change, in a new folder
# 1/rancher-compose.yml
.catalog:
  version: "1.0.1"
`,
	Change: func(p *lint.Pass, base, cur *catalog.Template) {
		if base == nil {
			return
		}
		now := released(cur)
		for _, old := range base.Versions {
			nv := now[old.Folder]
			if nv == nil {
				p.Report(catalog.FolderPos(old.Dir), "released version folder %s (version %q) was removed; released versions stay so existing stacks can upgrade from them", old.Dir, versionOf(old))
				continue
			}
			for _, of := range old.Files {
				rel := of.Path[len(old.Dir)+1:]
				nf := fileByName(nv, rel)
				switch {
				case nf == nil:
					p.Report(catalog.FolderPos(of.Path), "file %s of released version %q was removed; add a new version folder instead", rel, versionOf(old))
				case !bytes.Equal(nf.Data, of.Data) || (nf.ReadErr != nil) != (of.ReadErr != nil):
					p.Report(catalog.LinePos(nf, firstDiffLine(of.Data, nf.Data), 1), "released version %q (folder %s) was changed here; copy the folder to a new number and change the copy", versionOf(old), old.Folder)
				}
			}
			for _, nf := range nv.Files {
				rel := nf.Path[len(nv.Dir)+1:]
				if fileByName(old, rel) == nil {
					p.Report(catalog.FilePos(nf), "file %s was added to released version %q (folder %s); add a new version folder instead", rel, versionOf(old), old.Folder)
				}
			}
		}
	},
}
