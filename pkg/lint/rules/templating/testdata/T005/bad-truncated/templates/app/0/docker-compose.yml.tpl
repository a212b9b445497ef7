version: '2'
services:
  web:
    image: nginx:1.25
    command: ["nginx", "-g", {{ if eq .Values.DAEMON true }}"daemon off;"{{ end }}]  # want T005:1 "docker-compose.yml.tpl renders with the default answers to invalid YAML at rendered line 5 \\(`command"
