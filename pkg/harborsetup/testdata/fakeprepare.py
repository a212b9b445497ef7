#!/usr/bin/python
# -*- coding: utf-8 -*-
# A stand-in for Harbor's prepare in the setup wrapper's tests, for every
# release (Python 2.7 and 3). It reads harbor.cfg the way prepare does (the
# file behind a made-up [configuration] header, RawConfigParser, readfp,
# io.open with the locale's encoding), takes the release's command line,
# keeps the 16-character secret key, and renders every file of
# common/templates into common/config with string.Template.safe_substitute.
# openssl is not run: the token key is the installer's
# common/templates/ui/private_key.pem, which the tests replace with a key
# in the format OpenSSL 3 writes.
#
# The tests steer it through common/templates/.fakeprepare.json:
#   {"fail": true}        print a message and exit 1
#   {"omit": ["db/env"]}  do not write these outputs
#   {"dirs": [...]}       folders to create empty (ui/certificates)
# Every run appends a line to fakeprepare.runs beside the secret key.
from __future__ import print_function, unicode_literals

import io
import json
import os
import random
import shutil
import string
import sys

if sys.version_info[0] == 2:
    import ConfigParser as configparser
    from StringIO import StringIO
else:
    import configparser
    from io import StringIO

base_dir = os.path.dirname(sys.argv[0])
templates_dir = os.path.join(base_dir, "common", "templates")
config_dir = os.path.join(base_dir, "common", "config")
# 0.5.0 is the only release without an adminserver, and the only one with
# the single-dash -conf and --data-volume.
legacy = not os.path.isdir(os.path.join(templates_dir, "adminserver"))


def die(message):
    print("fake prepare: " + message, file=sys.stderr)
    sys.exit(1)


def parse_args(argv):
    known = ("-conf", "--data-volume") if legacy else ("--conf",)
    opts = {}
    i = 0
    while i < len(argv):
        if argv[i] not in known or i + 1 >= len(argv):
            print("usage: prepare %s FILE; unrecognized arguments: %s" % (known[0], " ".join(argv[i:])), file=sys.stderr)
            sys.exit(2)
        opts[argv[i]] = argv[i + 1]
        i += 2
    return opts


def makedirs(path, mode=0o755):
    if not os.path.isdir(path):
        os.makedirs(path, mode)


def random_text(n):
    chars = string.ascii_letters + string.digits
    return "".join(random.choice(chars) for _ in range(n))


opts = parse_args(sys.argv[1:])
conf = opts.get("-conf" if legacy else "--conf", os.path.join(base_dir, "harbor.cfg"))

with io.open(os.path.join(templates_dir, ".fakeprepare.json")) as f:
    control = json.load(f)

buf = StringIO()
buf.write("[configuration]\n")
with io.open(conf) as f:
    buf.write(f.read())
buf.seek(0)
rcp = configparser.RawConfigParser()
rcp.readfp(buf)
cfg = dict(rcp.items("configuration"))

if cfg["project_creation_restriction"] not in ("everyone", "adminonly"):
    die("invalid project_creation_restriction %s" % cfg["project_creation_restriction"])
https = cfg["ui_url_protocol"] == "https"
if https:
    for k in ("ssl_cert", "ssl_cert_key"):
        if not os.path.isfile(cfg[k]):
            die("%s %s is not a file" % (k, cfg[k]))

key_dir = opts.get("--data-volume", "/data/") if legacy else cfg["secretkey_path"]
makedirs(key_dir, 0o700)
with io.open(os.path.join(key_dir, "fakeprepare.runs"), "a") as f:
    f.write("run\n")
key_path = os.path.join(key_dir, "secretkey")
if os.path.isfile(key_path):
    with io.open(key_path) as f:
        secret_key = f.read()
    if len(secret_key) != 16:
        die("secret key of length %d" % len(secret_key))
else:
    secret_key = random_text(16)
    with io.open(key_path, "w") as f:
        f.write(secret_key)
    os.chmod(key_path, 0o600)

if control.get("fail"):
    die("told to fail")

values = dict(cfg)
values.update({
    "ui_url": cfg["ui_url_protocol"] + "://" + cfg["hostname"],
    "ui_secret": random_text(16),
    "jobservice_secret": random_text(16),
    "secret_key": secret_key,
    "with_notary": "False",
    "with_clair": "False",
})
if https:
    # nginx reads the copies prepare puts into nginx/cert/.
    for k in ("ssl_cert", "ssl_cert_key"):
        values[k] = "/etc/nginx/cert/" + os.path.basename(cfg[k])
omit = set(control.get("omit", []))

for d in control.get("dirs", []):
    makedirs(os.path.join(config_dir, d))

for dirpath, dirnames, filenames in os.walk(templates_dir):
    rel_dir = os.path.relpath(dirpath, templates_dir).replace(os.sep, "/")
    # Notary and Clair files are written only with --with-notary and
    # --with-clair, which the wrapper does not pass.
    if rel_dir.split("/")[0] in ("notary", "clair"):
        continue
    for name in filenames:
        if name.startswith(".") or name.startswith("notary."):
            continue
        rel = name if rel_dir == "." else rel_dir + "/" + name
        if rel in ("nginx/nginx.http.conf", "nginx/nginx.https.conf"):
            if (rel == "nginx/nginx.https.conf") != https:
                continue
            rel = "nginx/nginx.conf"
        if rel in omit:
            continue
        src = os.path.join(dirpath, name)
        dst = os.path.join(config_dir, rel)
        makedirs(os.path.dirname(dst))
        if rel in ("ui/private_key.pem", "registry/root.crt"):
            shutil.copyfile(src, dst)
            if rel == "ui/private_key.pem" or not legacy:
                os.chmod(dst, 0o600)
            continue
        with io.open(src) as f:
            text = f.read()
        with io.open(dst, "w") as f:
            f.write(string.Template(text).safe_substitute(values))

if https:
    cert_dir = os.path.join(config_dir, "nginx", "cert")
    makedirs(cert_dir)
    for k in ("ssl_cert", "ssl_cert_key"):
        shutil.copy2(cfg[k], os.path.join(cert_dir, os.path.basename(cfg[k])))

print("fake prepare: wrote %s" % config_dir)
