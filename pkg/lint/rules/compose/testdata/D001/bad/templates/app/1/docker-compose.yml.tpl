version: {{ .Values.V }}  # want D001:error:1 `docker-compose.yml.tpl declares version "3.7": Rancher 1.6 rejects version 3 compose files \("version 3`
services:
  web:
    image: nginx:1.25
