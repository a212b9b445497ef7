version: '2'
services:
  setup:
    image: vmware/harbor-setup:1.2.0
    environment:
      HOST: ${harborhost}  # want I002:13 `service "setup", environment.HOST: \$\{harborhost\} is not a question of this version, so Rancher substitutes`
   broken: {{ .Values.harborhostname }}
