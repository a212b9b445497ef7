version: '2'
services:
  web:
    image: nginx:1.25
{{- end }}  # want T001:1 `docker-compose.yml.tpl is not a valid Go template \(unexpected \{\{end\}\}\)`
