version: '2'
services:
  web:
    image: nginx:1.25
   labels: {}
