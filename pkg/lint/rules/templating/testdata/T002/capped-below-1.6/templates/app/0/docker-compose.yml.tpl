web:
  image: nginx:1.25
  {{- if (ne .Values.A "true") and .Values.A }}  # want T002:info:10 `docker-compose.yml.tpl fails to render with the default answers: <\(ne .Values.A "true"\) and .Values.A>`
  command: x
  {{- end }}
