version: '2'
services:
  web:
    image: nginx:1.25
    environment:
      TOKEN: "{{ env "CATALOGEN_T008_SECRET" }}"  # want T008
      HOSTS: "{{ expandenv "$HOME" }}"  # want T008
      BUILT: "{{ now | date "2006" }}"  # want T008
      ID: "{{ uuidv4 }}-{{ randAlphaNum 8 }}"  # want T008 T008
      DNS: "{{ getHostByName "example.com" }}"  # want T008
      KEY: "{{ genPrivateKey "rsa" | b64enc }}"  # want T008
