version: '2'
services:
  setup:
    image: vmware/harbor-setup:1.2.0
    environment:
      HOST: ${harborhost}  # want I002
   broken: {{ .Values.harborhostname }}
