web:
  image: nginx:${TAG}
  ports:
    - $PORT:80
  environment:
    - EULA
    - MOTD
  labels:
    ${LABEL_KEY}: "true"
{{- if eq .Values.EXTRA "true" }}
sidecar:
  image: busybox:1.36
  ports:
    - "${SIDECAR_PORT}:9000"
  command: {{ index .Values "MODE" }}
{{- end }}
