version: '2'
services:
  minio:
    image: minio/minio:RELEASE.2019-08-01T22-18-54Z
  {{- if eq .Values.DEPLOY_LB true }}  # want T002:10 "docker-compose.yml.tpl fails to render with the default answers: <eq .Values.DEPLOY_LB true>"
  lb:
    image: rancher/lb-service-haproxy:v0.9.14
  {{- end }}
