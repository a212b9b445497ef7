version: '2'
services:
  web:
    image: nginx:1.25
{{- end }}  # want T001
