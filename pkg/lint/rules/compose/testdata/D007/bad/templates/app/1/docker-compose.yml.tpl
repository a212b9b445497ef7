version: '2'
services:
  web:
    image: nginx:1.25
{{- if (ne .Values.LB "true") and true }}
  lb:
    image: rancher/lb-service-haproxy:v0.9.1
{{- end }}
