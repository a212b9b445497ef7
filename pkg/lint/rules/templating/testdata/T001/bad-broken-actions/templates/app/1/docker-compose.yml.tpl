version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      traefik.port: "{{ .Values.PORT "  # want T001:22 `docker-compose.yml.tpl is not a valid Go template \(unterminated quoted string\)`
      traefik.enable: "true"
