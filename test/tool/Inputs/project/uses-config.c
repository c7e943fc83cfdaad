int Loaded;
void project_throw(const char *Msg);
void load(int Ok) {
  Loaded = 1;
  if (!Ok)
    project_throw("cannot load");
}
