web:
  image: nginx:1.25
{{- if eq .Values.CHECK "true" }}
  health_check:  # want D008:3 `service "web" sets health_check here and in rancher-compose.yml \(line 9\), which replaces this one`
    port: 80
    request_line: GET / HTTP/1.0
{{- end }}
