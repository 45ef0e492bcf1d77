-- Corroborate in Neovim's built-in LSP client (Neovim 0.7 or later).
-- Save as ~/.config/nvim/lua/corroborate.lua, then in init.lua:
--   require('corroborate').setup({ server = '/path/to/corroborate/server/out/server.js' })
-- Markdown and text buffers are checked against the corpus/ folder of the nearest folder
-- above them that has one (else Neovim's working directory).
local M = {}

-- The workspace a draft belongs to: the nearest folder above it holding corpus/.
local function root_for(bufnr)
  local file = vim.api.nvim_buf_get_name(bufnr)
  local dir = file ~= '' and vim.fn.fnamemodify(file, ':p:h') or vim.loop.cwd()
  local corpus = vim.fn.finddir('corpus', vim.fn.escape(dir, ' ,') .. ';')
  if corpus ~= '' then return vim.fn.fnamemodify(corpus, ':p:h:h') end
  return vim.loop.cwd()
end

-- opts.server:    path to server/out/server.js (build it with `npm run build`)
-- opts.settings:  the `corroborate` settings, e.g. { severity = { unsupported = 'hint' } };
--                 the server asks for them with workspace/configuration. {} keeps the defaults.
-- opts.filetypes: default { 'markdown', 'text' }
function M.setup(opts)
  opts = opts or {}
  local cmd = { 'node', assert(opts.server, 'corroborate: set server to server/out/server.js'), '--stdio' }
  local settings = { corroborate = opts.settings or vim.empty_dict() }
  -- Neovim 0.7 answers workspace/configuration from `settings` but does not announce it, and
  -- the server only asks clients that do; harmless where Neovim announces it already.
  local capabilities = vim.lsp.protocol.make_client_capabilities()
  capabilities.workspace.configuration = true
  local clients = {} -- Neovim 0.7: one client per workspace
  vim.api.nvim_create_autocmd('FileType', {
    group = vim.api.nvim_create_augroup('corroborate', { clear = true }),
    pattern = opts.filetypes or { 'markdown', 'text' },
    callback = function(args)
      local root = root_for(args.buf)
      local config = { name = 'corroborate', cmd = cmd, root_dir = root, settings = settings, capabilities = capabilities }
      if vim.lsp.start then -- Neovim 0.8+: starts or reuses the client for this root
        vim.lsp.start(config, { bufnr = args.buf })
      else
        if not clients[root] or vim.lsp.client_is_stopped(clients[root]) then
          clients[root] = vim.lsp.start_client(config)
        end
        if clients[root] then vim.lsp.buf_attach_client(args.buf, clients[root]) end
      end
    end,
  })
end

return M
