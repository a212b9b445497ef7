version: '2'
services:
  web:
    image: nginx:1.25
    {{- if eq .Values.PUBLISH "true" }}
    ports:
      - 80:80
    {{- end }}
