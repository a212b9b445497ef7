version: '2'
services:
  web:
    image: nginx:1.25
    environment:
      TLS_KEY: {{ .Values.TLS_KEY }}  # want T007:19 "the multiline answer TLS_KEY is pasted into the YAML text by `\\{\\{.Values.TLS_KEY\\}\\}`"
      DB_PASSWORD: {{ .Values.DB_PASSWORD | trim }}  # want T007:23 "the password DB_PASSWORD is pasted into the YAML text by `\\{\\{.Values.DB_PASSWORD \\| trim\\}\\}`"
      API_TOKEN: '{{ index .Values "API_TOKEN" }}'  # want T007:36 "the password API_TOKEN is pasted into the YAML text by `\\{\\{index .Values \"API_TOKEN\"\\}\\}`"
