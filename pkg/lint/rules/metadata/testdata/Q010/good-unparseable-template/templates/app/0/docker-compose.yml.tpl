web:
  image: nginx:1.25
{{- if eq .Values.flag "true" }
  command: run
