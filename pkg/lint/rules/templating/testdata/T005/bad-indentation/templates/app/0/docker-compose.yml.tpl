version: '2'
services:
  web:
    image: nginx:1.25
{{- if eq .Values.DEBUG "false" }}
   labels:  # want T005:4 "docker-compose.yml.tpl renders with the default answers to invalid YAML at rendered line 5 \\(`labels"
      debug: "false"
{{- end }}
