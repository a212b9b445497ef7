web:
  image: nginx:1.25
{{- if eq .Values.CHECK "true" }}
  health_check:  # want D008
    port: 80
    request_line: GET / HTTP/1.0
{{- end }}
