web:
  image: nginx:1.25
{{- if eq .Values.proxy "true" }}
# lb: ${lb}
proxy:
  image: haproxy:2.8
{{- end }}
