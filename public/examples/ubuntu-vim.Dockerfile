# The first Dockerfile many people wrote: every line is a step, and each RUN is a layer.
# MAINTAINER only sets the author (no layer); `RUN mkdir` makes a layer holding one empty
# folder; `apt-get update` and `apt-get install vim` in one RUN make the big layer, with
# the package lists left behind in it because nothing removes them in the same RUN.
FROM ubuntu:24.04
MAINTAINER Jane Doe <jane@example.com>
RUN mkdir /app
RUN apt-get update && apt-get install -y vim
CMD ["vim"]
