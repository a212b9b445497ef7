web:
  image: nginx:1.25
{{- if eq .Values.CHECK "true" }}
  health_check:
    port: 80
{{- end }}
