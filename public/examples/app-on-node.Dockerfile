# The classic app on a framework base: the base image brings Node.js (its layers are the
# bulk of the image), WORKDIR and the COPY/RUN lines add the app's own small layers, and
# ENV, EXPOSE, ENTRYPOINT and CMD only change the image config: history entries, no layers.
FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
COPY <<EOF package.json
{ "name": "hello", "version": "1.0.0", "main": "server.js", "dependencies": { "express": "4.21.2" } }
EOF
# layerscope: size=2MB (a rough figure for express 4 and its dependencies, unpacked)
RUN npm install express@4.21.2 --omit=dev && npm cache clean --force
COPY <<EOF server.js
const express = require('express');
const app = express();
app.get('/', (req, res) => res.send('hello from a layer\n'));
app.listen(process.env.PORT, () => console.log('listening on', process.env.PORT));
EOF
EXPOSE 3000
ENTRYPOINT ["node"]
CMD ["server.js"]
