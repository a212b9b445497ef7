version: '2'
services:
  web:
    image: nginx:1.25
{{- if eq .Values.DEBUG "false" }}
   labels:  # want T005
      debug: "false"
{{- end }}
