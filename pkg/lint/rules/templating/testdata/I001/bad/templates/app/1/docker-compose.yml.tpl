version: '2'
services:
  backup:
    image: alpine:3.10
    {{- if eq .Values.DEBUG "true" }}
    command: sh -c 'echo $(date)'  # want I001:26 `service "backup", command: \$\( is not command substitution in Rancher 1.6 and fails interpolation`
    {{- end }}
