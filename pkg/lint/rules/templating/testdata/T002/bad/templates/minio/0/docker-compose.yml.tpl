version: '2'
services:
  minio:
    image: minio/minio:RELEASE.2019-08-01T22-18-54Z
    {{- if (ne .Values.DEPLOY_LB "true") and .Values.PUBLISH_PORT }}  # want T002:12 `docker-compose.yml.tpl fails to render with the default answers: <\(ne .Values.DEPLOY_LB "true"\)`
    ports:
      - ${PUBLISH_PORT}:9000
    {{- end }}
