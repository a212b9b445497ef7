version: '2'
services:
{{- if eq .Values.LB "true" }}
  lb:
    scale: 1
{{- end }}
  web:
    scale: 1
