version: '2'
services:
  web:
    image: nginx:{{ .Values.TAG | upcase }}  # want T001:35 `docker-compose.yml.tpl is not a valid Go template \(function "upcase" not defined\)`
