web:
  image: nginx:1.25
{{/* was: {{ if eq .Values.old_flag "true" }} */}}
