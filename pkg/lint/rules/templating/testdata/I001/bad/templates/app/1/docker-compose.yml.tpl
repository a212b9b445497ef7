version: '2'
services:
  backup:
    image: alpine:3.10
    {{- if eq .Values.DEBUG "true" }}
    command: sh -c 'echo $(date)'  # want I001
    {{- end }}
