version: '2'
services:
  minio:
    image: minio/minio:RELEASE.2019-08-01T22-18-54Z
    {{- if and (ne .Values.DEPLOY_LB "true") .Values.PUBLISH_PORT }}
    ports:
      - ${PUBLISH_PORT}:9000
    {{- end }}
    {{- if eq .Values.NOT_A_QUESTION "x" }}
    labels:
      never: "true"
    {{- end }}
    {{- if eq .Values.DEPLOY_LB "true" }}
    {{ .Values.DEPLOY_LB | eq true }}
    {{- end }}
