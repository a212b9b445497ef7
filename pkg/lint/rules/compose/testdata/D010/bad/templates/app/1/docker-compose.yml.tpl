web:
  image: nginx:1.25
{{- if eq .Values.X "a" }}
  command: a
{{- end }}
  command: b  # want D010:error
