web:
  image: nginx:1.25
{{- if eq .Values.X "a" }}
  command: a
{{- end }}
  command: b  # want D010:error:3 `key command is written twice in this mapping of docker-compose.yml.tpl \(first at line 4\)`
