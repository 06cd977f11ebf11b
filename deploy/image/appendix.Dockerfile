# repo2docker --appendix for the Zero to JupyterHub single-user image (deploy/README.md, "The image").
# repo2docker builds this repository's runtime environment from environment.yml (the same file Binder uses) and copies
# the repository to ${REPO_DIR}; these lines add what a hub needs on top: nbgitpuller (the student copy) and a
# jupyterhub-singleuser of the chart's JupyterHub major version, and tell the package where its content/ is.
ENV BACKCARE_ROOT=${REPO_DIR}
RUN ${NB_PYTHON_PREFIX}/bin/python -m pip install --no-cache-dir "nbgitpuller==1.3.0" "jupyterhub>=5.5,<6"
