version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      traefik.port: "{{ .Values.PORT "  # want T001
      traefik.enable: "true"
