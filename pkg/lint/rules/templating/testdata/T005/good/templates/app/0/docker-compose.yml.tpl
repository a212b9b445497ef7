version: '2'
services:
  web:
    image: nginx:1.25
    {{- if eq .Values.DEBUG "true" }}
    environment:
      DEBUG: "1"
    {{- end }}
    labels: {{ if eq .Values.DEBUG "true" }}{debug: "1"}{{ else }}{}{{ end }}
