# notemplating
version: "2"
services:
  web:
    image: "{{.ID}}"
   labels:  # want D009:4 `docker-compose.yml.tpl is not valid YAML \(did not find expected key\): Rancher's executor cannot parse`
      a: b
