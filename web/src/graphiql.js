// GraphiQL, bundled (no CDN): a field for the bearer token, the README's operations as tabs.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { createClient } from 'graphql-ws';
import { createElement as h, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import readme from '../../README.md?raw';
import { loadToken, saveToken, wsUrl } from './api.js';
import { readmeOperations } from './examples.js';
import './graphiql.css';

const tabs = readmeOperations(readme).map((query) => ({ query }));

function App() {
  const [token, setToken] = useState(loadToken());
  const fetcher = useMemo(() => {
    const bearer = token ? { Authorization: `Bearer ${token}` } : {};
    return createGraphiQLFetcher({
      url: '/graphql',
      headers: bearer,
      wsClient: createClient({ url: wsUrl(), connectionParams: () => bearer, lazy: true }),
    });
  }, [token]);
  return h(
    'div',
    { className: 'ym-graphiql' },
    h(
      'header',
      { className: 'ym-bar' },
      h('a', { href: '/' }, '青春矩阵 控制台'),
      h('label', { htmlFor: 'ym-token' }, 'Bearer token'),
      h('input', {
        id: 'ym-token',
        placeholder: '粘贴令牌 / paste a token (youth-matrix token --role … --org …)',
        value: token,
        onChange: (e) => {
          setToken(e.target.value.trim());
          saveToken(e.target.value.trim());
        },
      }),
      h('span', { className: 'ym-count' }, `${tabs.length} examples from the README`),
    ),
    h(GraphiQL, { fetcher, defaultTabs: tabs, defaultEditorToolsVisibility: 'variables' }),
  );
}

createRoot(document.getElementById('graphiql')).render(h(App));
