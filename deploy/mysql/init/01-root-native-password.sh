#!/bin/bash
# Runs once, on the first start with an empty data volume (the mysql image runs /docker-entrypoint-initdb.d/*).
#
# Why: MySQL 8.4 creates root with caching_sha2_password. Over a plain (non-TLS) connection, that plugin's first login
# after a server start needs the server's RSA public key, which MariaDB Connector/J (the services' driver) fetches only
# with allowPublicKeyRetrieval=true, and the services' JDBC URLs do not set it. mysql_native_password needs neither.
# (The server is started with --mysql-native-password=ON, see docker-compose.yml.)
#
# Nothing service-specific here on purpose: every service creates its own schemas with Flyway at start-up.
#
# The entrypoint may source this file rather than execute it (when it is not executable), so: no `exit`, no `set -u`.
# The password must not contain a single quote.

MYSQL_PWD="${MYSQL_ROOT_PASSWORD}" mysql --protocol=socket -uroot <<SQL
ALTER USER 'root'@'%' IDENTIFIED WITH mysql_native_password BY '${MYSQL_ROOT_PASSWORD}';
SQL
