version: '2'
services:
  web:
    image: nginx:1.25
    environment:
      TLS_CERT: {{ .Values.TLS_CERT }}  # want T005:1 "docker-compose.yml.tpl renders with the default answers to invalid YAML at rendered line 7 \\(`MIIB`\\)"
      OTHER: "1"
